-- The DNS zone holding each domain (the SOA owner a check learnt), so "host only" names are relative to the zone
-- an admin types them into; NULL until a check has learnt it.
ALTER TABLE domain ADD COLUMN zone_apex VARCHAR(253);
