build-clang/obj/src/base/codes.o: src/base/codes.c src/base/codes.h \
  src/base/severity.h rules/rules.def

src/base/codes.h:

src/base/severity.h:

rules/rules.def:
