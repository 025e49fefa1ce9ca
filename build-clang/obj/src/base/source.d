build-clang/obj/src/base/source.o: src/base/source.c src/base/source.h \
  src/base/loc.h src/base/buf.h

src/base/source.h:

src/base/loc.h:

src/base/buf.h:
