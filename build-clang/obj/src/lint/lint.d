build-clang/obj/src/lint/lint.o: src/lint/lint.c src/lint/lint.h \
  src/base/diag.h src/base/loc.h src/base/severity.h src/lint/engine.h \
  src/base/names.h src/base/buf.h src/rdata/record.h src/lint/rule.h \
  src/base/codes.h rules/rules.def src/input/parser.h \
  src/input/dialect.h src/base/source.h src/input/readers.h

src/lint/lint.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/lint/engine.h:

src/base/names.h:

src/base/buf.h:

src/rdata/record.h:

src/lint/rule.h:

src/base/codes.h:

rules/rules.def:

src/input/parser.h:

src/input/dialect.h:

src/base/source.h:

src/input/readers.h:
