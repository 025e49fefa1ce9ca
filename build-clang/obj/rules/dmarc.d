build-clang/obj/rules/dmarc.o: rules/dmarc.c src/base/ascii.h \
  rules/mail_policy.h src/lint/engine.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/base/names.h src/base/buf.h src/rdata/record.h \
  src/lint/rule.h src/base/codes.h rules/rules.def src/lint/patterns.h \
  rules/rules.h

src/base/ascii.h:

rules/mail_policy.h:

src/lint/engine.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/base/names.h:

src/base/buf.h:

src/rdata/record.h:

src/lint/rule.h:

src/base/codes.h:

rules/rules.def:

src/lint/patterns.h:

rules/rules.h:
