build-clang/obj/src/xcheck/ses_identity.o: src/xcheck/ses_identity.c \
  src/xcheck/ses_identity.h src/base/names.h src/base/buf.h

src/xcheck/ses_identity.h:

src/base/names.h:

src/base/buf.h:
