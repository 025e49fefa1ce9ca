build-clang/obj/rules/ses_data.o: rules/ses_data.c rules/ses_data.h \
  src/base/ascii.h src/base/buf.h src/base/names.h src/lint/engine.h \
  src/base/diag.h src/base/loc.h src/base/severity.h src/rdata/record.h \
  src/lint/rule.h src/base/codes.h rules/rules.def src/lint/list.h \
  src/rdata/txt.h

rules/ses_data.h:

src/base/ascii.h:

src/base/buf.h:

src/base/names.h:

src/lint/engine.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/rdata/record.h:

src/lint/rule.h:

src/base/codes.h:

rules/rules.def:

src/lint/list.h:

src/rdata/txt.h:
