build-clang/obj/rules/mail_policy.o: rules/mail_policy.c \
  rules/mail_policy.h src/lint/engine.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/base/names.h src/base/buf.h src/rdata/record.h \
  src/lint/rule.h src/base/codes.h rules/rules.def src/lint/patterns.h \
  src/base/ascii.h src/rdata/txt.h rules/rules.h

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

src/base/ascii.h:

src/rdata/txt.h:

rules/rules.h:
