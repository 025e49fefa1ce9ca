build-clang/obj/src/input/dialect.o: src/input/dialect.c \
  src/input/dialect.h src/base/names.h src/base/buf.h src/base/source.h \
  src/base/loc.h

src/input/dialect.h:

src/base/names.h:

src/base/buf.h:

src/base/source.h:

src/base/loc.h:
