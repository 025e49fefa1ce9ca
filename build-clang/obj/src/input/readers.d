build-clang/obj/src/input/readers.o: src/input/readers.c \
  src/input/readers.h src/input/parser.h src/input/dialect.h \
  src/base/names.h src/base/buf.h src/base/diag.h src/base/loc.h \
  src/base/severity.h src/rdata/record.h src/base/source.h \
  src/input/exports/emit.h src/base/codes.h rules/rules.def \
  src/rdata/rdata.h src/rdata/rdata_error.h src/input/exports/ydoc.h

src/input/readers.h:

src/input/parser.h:

src/input/dialect.h:

src/base/names.h:

src/base/buf.h:

src/base/diag.h:

src/base/loc.h:

src/base/severity.h:

src/rdata/record.h:

src/base/source.h:

src/input/exports/emit.h:

src/base/codes.h:

rules/rules.def:

src/rdata/rdata.h:

src/rdata/rdata_error.h:

src/input/exports/ydoc.h:
