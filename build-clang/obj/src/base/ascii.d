build-clang/obj/src/base/ascii.o: src/base/ascii.c src/base/ascii.h

src/base/ascii.h:
