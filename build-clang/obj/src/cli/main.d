build-clang/obj/src/cli/main.o: src/cli/main.c src/base/buf.h \
  src/cli/config.h src/base/diag.h src/base/loc.h src/base/severity.h \
  src/report/report.h src/xcheck/delegation.h src/base/names.h \
  src/input/exports/emit.h src/base/codes.h rules/rules.def \
  src/input/parser.h src/input/dialect.h src/rdata/record.h \
  src/base/source.h src/rdata/rdata.h src/rdata/rdata_error.h \
  src/input/exports/ydoc.h src/input/readers.h src/lint/lint.h \
  src/lint/engine.h src/lint/rule.h src/report/print.h \
  src/xcheck/ses_identity.h src/base/version.h

src/base/buf.h:

src/cli/config.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/report/report.h:

src/xcheck/delegation.h:

src/base/names.h:

src/input/exports/emit.h:

src/base/codes.h:

rules/rules.def:

src/input/parser.h:

src/input/dialect.h:

src/rdata/record.h:

src/base/source.h:

src/rdata/rdata.h:

src/rdata/rdata_error.h:

src/input/exports/ydoc.h:

src/input/readers.h:

src/lint/lint.h:

src/lint/engine.h:

src/lint/rule.h:

src/report/print.h:

src/xcheck/ses_identity.h:

src/base/version.h:
