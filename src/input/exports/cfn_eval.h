/* SPDX-License-Identifier: MIT */
/* CloudFormation's intrinsic functions, evaluated without deploying:
 * what a template's values are when the stack is created with its
 * parameters' defaults. Short forms (!Sub, YAML tags, kept by libyaml) and
 * long forms (Fn::Sub, one-key mappings, as JSON templates and CDK write
 * them) alike.
 *
 * Known: literals; Ref to a parameter with a Default (a CommaDelimitedList
 * or List<...> one is a list; an AWS::SSM::Parameter::Value one is not
 * known: its Default names the SSM parameter); Fn::Sub over literals,
 * such parameters and its own variables (${!Literal} is "${Literal}");
 * Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap (Mappings); Fn::If on a
 * condition that can be decided (Fn::Equals, Fn::And, Fn::Or, Fn::Not,
 * Condition over such values); Ref AWS::NoValue (no value).
 * Unknown until deployed: pseudo parameters (AWS::Region, AWS::StackName,
 * AWS::AccountId...), Ref to a resource (its physical ID), Fn::GetAtt,
 * Fn::ImportValue, Fn::GetAZs and the rest, dynamic references
 * ({{resolve:ssm:...}}) and what another tool fills in first (${...} outside
 * Fn::Sub: Serverless variables, templates). Nothing unknown is made up:
 * the value says it is unknown and why.
 *
 * Every string carries, for each of its bytes, the offset in the input of
 * what it came from (a literal's own byte; for a substituted ${Name} or a
 * Ref, the start of that reference), so findings point into the template
 * as written. Evaluation is bounded (steps and bytes per template): YAML
 * aliases cannot make it blow up. */
#ifndef ZL_CFN_EVAL_H
#define ZL_CFN_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "input/exports/emit.h"

enum cfn_kind {
    CFN_UNKNOWN,  /* known only when deployed (or wrong: error) */
    CFN_STR,
    CFN_LIST,
    CFN_NOVALUE,  /* Ref AWS::NoValue: the property is left out */
    CFN_OBJECT,   /* a mapping that is no intrinsic function (node) */
};

struct cfn_val {
    enum cfn_kind kind;
    const char *s;               /* CFN_STR: text, NUL-terminated */
    size_t len;
    const size_t *off;           /* CFN_STR: input offset of each byte, len + 1 entries */
    const struct cfn_val *items; /* CFN_LIST */
    size_t n;
    yaml_node_t *node;           /* CFN_OBJECT; else the node evaluated */
    const char *why;             /* CFN_UNKNOWN: what is unknown, as written ("!GetAtt Lb.DNSName") */
    size_t why_off;              /* ... and where */
    const char *note;            /* CFN_UNKNOWN: why a parameter is unknown, or NULL */
    bool error;                  /* CFN_UNKNOWN: the template is wrong here; reported already */
};

enum cfn_truth { CFN_FALSE, CFN_TRUE, CFN_MAYBE };

struct cfn_eval;

/* For the template that is document doc of f (root: its mapping). */
struct cfn_eval *cfn_eval_new(struct zl_fmt *f, size_t doc, yaml_node_t *root);
void cfn_eval_free(struct cfn_eval *e);

/* The value of a node. */
struct cfn_val cfn_value(struct cfn_eval *e, yaml_node_t *n);
/* A condition by the node that names it (a resource's Condition:). */
enum cfn_truth cfn_condition(struct cfn_eval *e, yaml_node_t *name);
/* An object-valued property through Fn::If: the node chosen. NULL when
 * there is none: then *why says whether it is left out (CFN_NOVALUE) or
 * unknown. */
yaml_node_t *cfn_choose(struct cfn_eval *e, yaml_node_t *n, struct cfn_val *why);
/* The resource of that logical ID, or NULL. */
yaml_node_t *cfn_resource(struct cfn_eval *e, const char *id, size_t len);
/* The resource a Ref (or a Fn::GetAtt of attribute attr) names, or NULL. */
yaml_node_t *cfn_ref_target(struct cfn_eval *e, yaml_node_t *n, const char *attr);
/* What a node says, as written: its first line, at most 60 bytes
 * (lives as long as e); *at receives its offset. */
const char *cfn_written(struct cfn_eval *e, yaml_node_t *n, size_t *at);

/* The span of bytes [a, b) of a string value (a < b <= len; a == b: a point). */
struct zl_span cfn_span(struct cfn_eval *e, const struct cfn_val *v, size_t a, size_t b);
/* The span of an input offset (one character). */
struct zl_span cfn_point(struct cfn_eval *e, size_t off);
/* A copy of v's text that lives as long as e. */
const char *cfn_keep(struct cfn_eval *e, const char *s, size_t n);

#endif
