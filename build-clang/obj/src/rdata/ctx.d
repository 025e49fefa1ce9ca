build-clang/obj/src/rdata/ctx.o: src/rdata/ctx.c src/rdata/ctx.h \
  src/base/buf.h src/base/names.h src/rdata/rdata_error.h \
  src/rdata/record.h src/base/loc.h src/rdata/type_row.h

src/rdata/ctx.h:

src/base/buf.h:

src/base/names.h:

src/rdata/rdata_error.h:

src/rdata/record.h:

src/base/loc.h:

src/rdata/type_row.h:
