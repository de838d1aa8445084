"""The web service, HTTP only: SPARQL 1.1 Protocol endpoint, JSON API, linked-data entity pages and the web page."""
