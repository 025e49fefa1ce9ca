build-clang/obj/src/input/dialect_read.o: src/input/dialect_read.c \
  src/input/parser_impl.h src/base/buf.h src/base/codes.h \
  src/base/severity.h rules/rules.def src/base/names.h \
  src/input/parse_ctx.h src/input/parser.h src/input/dialect.h \
  src/base/diag.h src/base/loc.h src/rdata/record.h src/base/source.h \
  src/rdata/rdata.h src/rdata/rdata_error.h src/rdata/types.h \
  src/rdata/types.def

src/input/parser_impl.h:

src/base/buf.h:

src/base/codes.h:

src/base/severity.h:

rules/rules.def:

src/base/names.h:

src/input/parse_ctx.h:

src/input/parser.h:

src/input/dialect.h:

src/base/diag.h:

src/base/loc.h:

src/rdata/record.h:

src/base/source.h:

src/rdata/rdata.h:

src/rdata/rdata_error.h:

src/rdata/types.h:

src/rdata/types.def:
