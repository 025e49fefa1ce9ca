build-clang/obj/src/cli/config.o: src/cli/config.c src/cli/config.h \
  src/base/diag.h src/base/loc.h src/base/severity.h src/report/report.h \
  src/base/buf.h

src/cli/config.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report.h:

src/base/buf.h:
