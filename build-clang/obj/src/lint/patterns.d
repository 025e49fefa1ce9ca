build-clang/obj/src/lint/patterns.o: src/lint/patterns.c \
  src/lint/patterns.h src/base/buf.h

src/lint/patterns.h:

src/base/buf.h:
