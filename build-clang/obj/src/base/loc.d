build-clang/obj/src/base/loc.o: src/base/loc.c src/base/loc.h

src/base/loc.h:
