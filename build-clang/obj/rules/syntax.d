build-clang/obj/rules/syntax.o: rules/syntax.c rules/rules.h \
  src/lint/rule.h src/base/codes.h src/base/severity.h rules/rules.def \
  src/base/diag.h src/base/loc.h

rules/rules.h:

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:
