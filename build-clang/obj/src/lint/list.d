build-clang/obj/src/lint/list.o: src/lint/list.c src/lint/list.h \
  src/lint/engine.h src/base/diag.h src/base/loc.h src/base/severity.h \
  src/base/names.h src/base/buf.h src/rdata/record.h src/lint/rule.h \
  src/base/codes.h rules/rules.def

src/lint/list.h:

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
