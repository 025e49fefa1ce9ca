build-clang/obj/src/lint/engine.o: src/lint/engine.c src/lint/engine.h \
  src/base/diag.h src/base/loc.h src/base/severity.h src/base/names.h \
  src/base/buf.h src/rdata/record.h src/lint/rule.h src/base/codes.h \
  rules/rules.def src/base/ascii.h src/lint/patterns.h src/rdata/types.h \
  src/rdata/types.def

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

src/base/ascii.h:

src/lint/patterns.h:

src/rdata/types.h:

src/rdata/types.def:
