build-clang/obj/src/base/ttl.o: src/base/ttl.c src/base/ttl.h

src/base/ttl.h:
