build-clang/obj/src/rdata/app.o: src/rdata/app.c src/rdata/families.h \
  src/rdata/fields.h src/rdata/enc.h src/rdata/ascii.h src/rdata/ctx.h \
  src/base/buf.h src/base/names.h src/rdata/rdata_error.h \
  src/rdata/record.h src/base/loc.h src/rdata/type_row.h \
  src/rdata/types.def src/rdata/types.h

src/rdata/families.h:

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

src/rdata/types.def:

src/rdata/types.h:
