build-clang/obj/rules/registry.o: rules/registry.c src/lint/rule.h \
  src/base/codes.h src/base/severity.h rules/rules.def src/base/diag.h \
  src/base/loc.h src/rdata/types.h src/rdata/types.def rules/rules.h

src/lint/rule.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/diag.h:

src/base/loc.h:

src/rdata/types.h:

src/rdata/types.def:

rules/rules.h:
