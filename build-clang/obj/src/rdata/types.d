build-clang/obj/src/rdata/types.o: src/rdata/types.c src/rdata/types.h \
  src/rdata/types.def src/rdata/ascii.h src/rdata/type_hash.h \
  src/rdata/type_row.h build-clang/gen/types_hash.h

src/rdata/types.h:

src/rdata/types.def:

src/rdata/ascii.h:

src/rdata/type_hash.h:

src/rdata/type_row.h:

build-clang/gen/types_hash.h:
