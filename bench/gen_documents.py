#!/usr/bin/env python3
"""Writes a JSON array of N dns-records documents (8 records each) in the service's shape."""
import json, sys, random, string, base64

n = int(sys.argv[1]); out = sys.argv[2]
rnd = random.Random(42)
def tok(k): return "".join(rnd.choice(string.ascii_lowercase + string.digits) for _ in range(k))
ts = "2025-09-01T09:58:12.000Z"
docs = []
for i in range(n):
    d = f"d{i:05d}.example"; did = f"dom_{i:05d}"
    recs = [("TXT", f"_amazonses.{d}", base64.b64encode(rnd.randbytes(32)).decode()),
            ("MX", d, "10 inbound-smtp.us-east-1.amazonaws.com"),
            ("TXT", d, "v=spf1 include:amazonses.com ~all"),
            ("TXT", f"_dmarc.{d}", f"v=DMARC1; p=none; rua=mailto:dmarc@{d}"),
            ("MX", f"mail.{d}", "10 feedback-smtp.us-east-1.amazonses.com"),
            ("TXT", f"mail.{d}", "v=spf1 include:amazonses.com ~all")]
    for _ in range(2):
        t = tok(32); recs.append(("CNAME", f"{t}._domainkey.{d}", f"{t}.dkim.amazonses.com"))
    docs.append({"domainId": did, "domain": d, "records": [
        {"id": f"dns_{i:05d}_{j}", "domainId": did, "recordType": rt, "name": nm, "value": v, "priority": None,
         "isRequired": True, "isVerified": False, "lastChecked": None, "createdAt": ts, "updatedAt": ts}
        for j, (rt, nm, v) in enumerate(recs)]})
with open(out, "w") as f:
    json.dump(docs, f)
