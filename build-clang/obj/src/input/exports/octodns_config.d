build-clang/obj/src/input/exports/octodns_config.o: \
  src/input/exports/octodns_config.c src/input/exports/octodns_config.h \
  src/base/names.h src/base/buf.h src/base/source.h src/base/loc.h \
  src/input/exports/ydoc.h

src/input/exports/octodns_config.h:

src/base/names.h:

src/base/buf.h:

src/base/source.h:

src/base/loc.h:

src/input/exports/ydoc.h:
