build-clang/obj/src/base/names.o: src/base/names.c src/base/names.h \
  src/base/buf.h src/base/ascii.h

src/base/names.h:

src/base/buf.h:

src/base/ascii.h:
