build-clang/obj/src/xcheck/delegation.o: src/xcheck/delegation.c \
  src/xcheck/delegation.h src/base/names.h src/base/buf.h

src/xcheck/delegation.h:

src/base/names.h:

src/base/buf.h:
