build-clang/obj/rules/ses_crosscheck.o: rules/ses_crosscheck.c \
  src/xcheck/delegation.h src/base/names.h src/base/buf.h rules/rules.h \
  src/lint/rule.h src/base/codes.h src/base/severity.h rules/rules.def \
  src/base/diag.h src/base/loc.h rules/ses_data.h src/base/ascii.h \
  src/lint/engine.h src/rdata/record.h src/lint/list.h src/rdata/txt.h \
  src/xcheck/ses_identity.h src/rdata/types.h src/rdata/types.def

src/xcheck/delegation.h:

src/base/names.h:

src/base/buf.h:

rules/rules.h:

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:

rules/ses_data.h:

src/base/ascii.h:

src/lint/engine.h:

src/rdata/record.h:

src/lint/list.h:

src/rdata/txt.h:

src/xcheck/ses_identity.h:

src/rdata/types.h:

src/rdata/types.def:
