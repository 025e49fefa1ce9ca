build-clang/obj/src/report/print.o: src/report/print.c src/report/print.h \
  src/base/buf.h src/rdata/record.h src/base/loc.h src/base/names.h \
  src/rdata/rdata.h src/rdata/rdata_error.h src/rdata/types.h \
  src/rdata/types.def

src/report/print.h:

src/base/buf.h:

src/rdata/record.h:

src/base/loc.h:

src/base/names.h:

src/rdata/rdata.h:

src/rdata/rdata_error.h:

src/rdata/types.h:

src/rdata/types.def:
