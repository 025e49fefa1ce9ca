build-clang/obj/src/lint/rule.o: src/lint/rule.c src/lint/rule.h \
  src/base/codes.h src/base/severity.h rules/rules.def src/base/diag.h \
  src/base/loc.h src/base/ascii.h

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:

src/base/ascii.h:
