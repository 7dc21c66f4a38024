/*
 * status.c: the name of a target's result: the status its possible
 * outcomes share (with the level when one outcome remains), or the law's
 * open status; and the pointer a fact is reported under.
 */
#include "status.h"

const char *lk_assess__status_of(const lk_law *law, int t, uint64_t possible,
                                 const char **level)
{
    const lk_target *tg = &law->targets[t];
    uint64_t rest;
    int s, l, status = -1;
    if (level)
        *level = NULL;
    if (possible == 0)
        return lk_law__open_status(law);
    /* the status is determined when every possible outcome shares it,
     * even if the level is still open (set bits only, lowest first) */
    for (rest = possible; rest != 0; rest &= rest - 1) {
        lk_law__outcome_split(tg, __builtin_ctzll(rest), &s, &l);
        if (status >= 0 && s != status)
            return lk_law__open_status(law);
        status = s;
    }
    if (LK_ONE(possible)) {
        lk_law__outcome_split(tg, __builtin_ctzll(possible), &s, &l);
        if (level && l >= 0)
            *level = tg->levels[l];
    }
    return lk_law__statuses(law, tg->kind)[status];
}

const char *lk_assess__status(const lk_law *law, const lk_eval *ev, int t,
                              const char **level)
{
    return lk_assess__status_of(law, t, ev->t[t].possible, level);
}

const char *lk_assess__fact_pointer(int id)
{
    if (id == LK_F_ACCESS_METHOD)
        return "/access";
    return lk_facts__def(id)->pointer;
}
