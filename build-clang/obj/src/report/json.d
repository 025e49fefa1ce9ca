build-clang/obj/src/report/json.o: src/report/json.c \
  src/report/report_impl.h src/base/buf.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/report/report.h src/base/source.h

src/report/report_impl.h:

src/base/buf.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report.h:

src/base/source.h:
