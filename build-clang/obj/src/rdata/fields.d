build-clang/obj/src/rdata/fields.o: src/rdata/fields.c src/rdata/fields.h \
  src/rdata/enc.h src/rdata/ascii.h src/rdata/ctx.h src/base/buf.h \
  src/base/names.h src/rdata/rdata_error.h src/rdata/record.h \
  src/base/loc.h src/rdata/type_row.h src/rdata/types.h \
  src/rdata/types.def

src/rdata/fields.h:

src/rdata/enc.h:

src/rdata/ascii.h:

src/rdata/ctx.h:

src/base/buf.h:

src/base/names.h:

src/rdata/rdata_error.h:

src/rdata/record.h:

src/base/loc.h:

src/rdata/type_row.h:

src/rdata/types.h:

src/rdata/types.def:
