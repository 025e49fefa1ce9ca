build-clang/obj/src/report/report.o: src/report/report.c \
  src/report/report.h src/base/diag.h src/base/loc.h src/base/severity.h \
  src/report/report_impl.h src/base/buf.h src/base/source.h

src/report/report.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report_impl.h:

src/base/buf.h:

src/base/source.h:
