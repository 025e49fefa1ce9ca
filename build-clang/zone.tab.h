/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_ZL_YY_BUILD_CLANG_ZONE_TAB_H_INCLUDED
# define YY_ZL_YY_BUILD_CLANG_ZONE_TAB_H_INCLUDED
/* Debug traces.  */
#ifndef ZL_YYDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define ZL_YYDEBUG 1
#  else
#   define ZL_YYDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define ZL_YYDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined ZL_YYDEBUG */
#if ZL_YYDEBUG
extern int zl_yydebug;
#endif
/* "%code requires" blocks.  */
#line 19 "grammar/zone.y"

#include "input/parse_ctx.h"
typedef void *yyscan_t;

#line 62 "build-clang/zone.tab.h"

/* Token kinds.  */
#ifndef ZL_YYTOKENTYPE
# define ZL_YYTOKENTYPE
  enum zl_yytokentype
  {
    ZL_YYEMPTY = -2,
    ZL_YYEOF = 0,                  /* "end of file"  */
    ZL_YYerror = 256,              /* error  */
    ZL_YYUNDEF = 257,              /* "invalid token"  */
    OWNER = 258,                   /* "owner name"  */
    BLANK = 259,                   /* "blank owner"  */
    TTL = 260,                     /* "TTL"  */
    CLASS = 261,                   /* "class"  */
    TYPE = 262,                    /* "record type"  */
    WORD = 263,                    /* "word"  */
    QSTRING = 264,                 /* "quoted string"  */
    EOL = 265,                     /* "end of line"  */
    DIR_ORIGIN = 266,              /* "$ORIGIN"  */
    DIR_TTL = 267,                 /* "$TTL"  */
    DIR_INCLUDE = 268,             /* "$INCLUDE"  */
    DIR_GENERATE = 269,            /* "$GENERATE"  */
    DIR_UNKNOWN = 270,             /* "directive"  */
    LEXERR = 271                   /* "invalid token"  */
  };
  typedef enum zl_yytokentype zl_yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined ZL_YYSTYPE && ! defined ZL_YYSTYPE_IS_DECLARED
typedef struct zl_tokval ZL_YYSTYPE;
# define ZL_YYSTYPE_IS_TRIVIAL 1
# define ZL_YYSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef struct zl_yyltype ZL_YYLTYPE;




int zl_yyparse (yyscan_t scanner, struct zl_parser *P);


#endif /* !YY_ZL_YY_BUILD_CLANG_ZONE_TAB_H_INCLUDED  */
