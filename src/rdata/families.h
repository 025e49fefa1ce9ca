/* SPDX-License-Identifier: MIT */
/* Internal to src/rdata: the parse and walk hooks of the types whose
 * syntax is not a plain field list, declared from types.def's HOOKS(p, w)
 * entries: zl_rd_<p>_parse and zl_rd_<w>_walk. Each is defined in its
 * type's family file:
 *
 *   dnssec.c  RRSIG, DS/CDS/DLV/TA, DNSKEY/CDNSKEY/KEY/RKEY, KEYDATA, CERT,
 *             NSEC3/NSEC3PARAM, NXT, SSHFP, ZONEMD, HIP, DSYNC
 *   addr.c    network addresses beyond A/AAAA: WKS, APL, A6, L64/NID,
 *             IPSECKEY and AMTRELAY gateways, X25, NSAP, ATMA, EUI48/EUI64
 *   app.c     application data with its own syntax: CAA, NAPTR, DOA
 *   geo.c     LOC
 *   svcb.c    SVCB, HTTPS
 *
 * A hook reads (parse) or prints (walk) the whole RDATA; both return 0, or
 * -1 (parse: with the error filled; walk: the wire data is invalid). */
#ifndef ZL_RDATA_FAMILIES_H
#define ZL_RDATA_FAMILIES_H

#include "rdata/fields.h"

#define ENGINE
#define NOTEXT
#define HOOKS(parse, walk) int zl_rd_##parse##_parse(struct pctx *); int zl_rd_##walk##_walk(struct wctx *);
#define ZL_TYPE(id, mnemonic, code, flags, target, read, fields) read
#include "rdata/types.def"
#undef ZL_TYPE
#undef HOOKS
#undef NOTEXT
#undef ENGINE

#endif
