build-clang/obj/src/input/exports/ydoc.o: src/input/exports/ydoc.c \
  src/input/exports/ydoc.h src/base/loc.h src/base/buf.h

src/input/exports/ydoc.h:

src/base/loc.h:

src/base/buf.h:
