import json,sys
# phases.py START_EPOCH LOG: seconds from launch to the action log's milestones of one render.
start=float(sys.argv[1]); end=float(sys.argv[3])
rows=[json.loads(l) for l in open(sys.argv[2])]
def t(kind,status=None):
    for r in rows:
        if (r.get('action_type')==kind and r.get('action_status')==status) or (status is None and r.get('message_type')==kind):
            return r['timestamp']-start
    return float('nan')
lo=t('studio:library:open','started'); ls=t('studio:library:open','succeeded')
rs=t('studio:render','started'); fs=t('studio:render:frames','started'); fe=t('studio:render:frames','succeeded'); re_=t('studio:render','succeeded')
print("to_log %.3f lib %.3f to_job %.3f job_to_frames %.3f first_frames %.3f frames %.3f after %.3f exit %.3f" % (lo, ls-lo, rs-ls, fs-rs, fs, fe-fs, re_-fe, end-start-re_))
