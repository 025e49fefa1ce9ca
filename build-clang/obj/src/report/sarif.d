build-clang/obj/src/report/sarif.o: src/report/sarif.c \
  src/report/report_impl.h src/base/buf.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/report/report.h src/base/source.h \
  src/lint/rule.h src/base/codes.h rules/rules.def src/base/version.h

src/report/report_impl.h:

src/base/buf.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report.h:

src/base/source.h:

src/lint/rule.h:

src/base/codes.h:

rules/rules.def:

src/base/version.h:
