build-clang/obj/src/input/exports/emit.o: src/input/exports/emit.c \
  src/input/exports/emit.h src/base/buf.h src/base/codes.h \
  src/base/severity.h rules/rules.def src/input/parser.h \
  src/input/dialect.h src/base/names.h src/base/diag.h src/base/loc.h \
  src/rdata/record.h src/base/source.h src/rdata/rdata.h \
  src/rdata/rdata_error.h src/input/exports/ydoc.h src/base/ttl.h \
  src/rdata/types.h src/rdata/types.def

src/input/exports/emit.h:

src/base/buf.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/input/parser.h:

src/input/dialect.h:

src/base/names.h:

src/base/diag.h:

src/base/loc.h:

src/rdata/record.h:

src/base/source.h:

src/rdata/rdata.h:

src/rdata/rdata_error.h:

src/input/exports/ydoc.h:

src/base/ttl.h:

src/rdata/types.h:

src/rdata/types.def:
