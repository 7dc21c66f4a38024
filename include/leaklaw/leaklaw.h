/*
 * leaklaw/leaklaw.h: the whole public API of the leaklaw library.
 *
 *   case.h    case files (leaklaw/case/1)
 *   law.h     the law as data: rules, sources, profiles
 *   assess.h  assessments, what-if, precedents
 *   report.h  JSON, Markdown memo, HTML report
 *   mail.h    DKIM verification of leaked e-mail corpora
 */
#ifndef LEAKLAW_LEAKLAW_H
#define LEAKLAW_LEAKLAW_H

#include "assess.h"
#include "batch.h"
#include "case.h"
#include "common.h"
#include "errors.h"
#include "evidence.h"
#include "explain.h"
#include "knowledge.h"
#include "law.h"
#include "mail.h"
#include "report.h"
#include "stix.h"
#include "store.h"

#endif
