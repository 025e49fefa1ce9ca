build-clang/obj/rules/ses_cloudflare.o: rules/ses_cloudflare.c \
  rules/rules.h src/lint/rule.h src/base/codes.h src/base/severity.h \
  rules/rules.def src/base/diag.h src/base/loc.h rules/ses_data.h \
  src/base/ascii.h src/base/buf.h src/base/names.h src/lint/engine.h \
  src/rdata/record.h src/lint/list.h src/rdata/txt.h

rules/rules.h:

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:

rules/ses_data.h:

src/base/ascii.h:

src/base/buf.h:

src/base/names.h:

src/lint/engine.h:

src/rdata/record.h:

src/lint/list.h:

src/rdata/txt.h:
