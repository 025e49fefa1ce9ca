build-clang/obj/src/rdata/txt.o: src/rdata/txt.c src/rdata/txt.h \
  src/base/buf.h src/rdata/record.h src/base/loc.h src/base/names.h

src/rdata/txt.h:

src/base/buf.h:

src/rdata/record.h:

src/base/loc.h:

src/base/names.h:
