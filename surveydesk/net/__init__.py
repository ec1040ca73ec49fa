"""The network layer every platform, the exchange-rate fetcher and the sync client go through.

`http` sends and reads (sessions, timeouts, capped bodies, redirects that drop logins, JSON read by shape);
`status` turns an answer's status into the typed errors the rest of SurveyDesk shows in words.
"""
