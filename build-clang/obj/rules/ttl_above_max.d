build-clang/obj/rules/ttl_above_max.o: rules/ttl_above_max.c \
  rules/rules.h src/lint/rule.h src/base/codes.h src/base/severity.h \
  rules/rules.def src/base/diag.h src/base/loc.h

rules/rules.h:

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:
