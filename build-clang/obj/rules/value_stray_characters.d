build-clang/obj/rules/value_stray_characters.o: \
  rules/value_stray_characters.c src/lint/engine.h src/base/diag.h \
  src/base/loc.h src/base/severity.h src/base/names.h src/base/buf.h \
  src/rdata/record.h src/lint/rule.h src/base/codes.h rules/rules.def \
  rules/rules.h src/rdata/types.h src/rdata/types.def

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

rules/rules.h:

src/rdata/types.h:

src/rdata/types.def:
