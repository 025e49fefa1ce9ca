build-clang/obj/src/base/diag.o: src/base/diag.c src/base/diag.h \
  src/base/loc.h src/base/severity.h src/base/buf.h src/base/codes.h \
  rules/rules.def src/base/source.h

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/base/buf.h:

src/base/codes.h:

rules/rules.def:

src/base/source.h:
