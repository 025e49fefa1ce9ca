build-clang/obj/src/report/util.o: src/report/util.c \
  src/report/report_impl.h src/base/buf.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/report/report.h src/base/source.h \
  src/input/dialect.h src/base/names.h src/input/readers.h \
  src/input/parser.h src/rdata/record.h

src/report/report_impl.h:

src/base/buf.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report.h:

src/base/source.h:

src/input/dialect.h:

src/base/names.h:

src/input/readers.h:

src/input/parser.h:

src/rdata/record.h:
