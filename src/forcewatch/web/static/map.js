/* forcewatch map: offline borders, clustered claim markers coloured by event, claim cards.
   All user text is set with textContent, never innerHTML. */
(function () {
  "use strict";
  var EVENT_COLOURS = {
    deployment: "#c0392b", movement: "#d35400", withdrawal: "#27ae60", presence: "#8e44ad",
    exercise: "#2c7fb8", readiness: "#b7950b", strike: "#7b241c", loss: "#566573",
    assessment: "#117a65", denial: "#34495e"
  };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function placeName(value) {
    if (!value) return null;
    return typeof value === "string" ? value : (value.name || value.country || null);
  }

  function quantityText(q) {
    if (!q) return null;
    if (q.text) return q.text;
    if (q.low !== null && q.low === q.high) return String(q.low);
    return [q.low, q.high].map(function (v) { return v === null ? "?" : v; }).join("–");
  }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", label));
    dl.appendChild(el("dd", value));
  }

  function claimCard(p) {
    var card = el("div", null, "claim-card");
    card.setAttribute("data-claim-id", p.id);
    var head = el("strong", (p.event || "claim") + (p.negated ? " (negated)" : ""));
    card.appendChild(head);
    card.appendChild(el("blockquote", p.sentence));
    var dl = el("dl", null, "meta");
    row(dl, "Source", placeName(p.source) || p.outlet);
    row(dl, "Quantity", quantityText(p.quantity));
    row(dl, "Item", p.item);
    row(dl, "Where", placeName(p.location) || placeName(p.destination));
    row(dl, "Date", p.date || p.published);
    row(dl, "Modality", p.modality);
    card.appendChild(dl);
    var link = el("a", "Open document " + p.doc);
    link.href = "/documents/" + encodeURIComponent(p.doc) + "#claim-" + encodeURIComponent(p.id);
    card.appendChild(link);
    return card;
  }

  function pin(colour, cls) {
    return L.divIcon({
      className: "fw-marker-" + (cls === "fw-pin" ? "claim" : "site"), iconSize: [16, 16], iconAnchor: [8, 8],
      html: '<div class="' + cls + '" style="background:' + colour + '" aria-hidden="true"></div>'
    });
  }

  function claimMarker(feature, latlng) {
    var p = feature.properties;
    var marker = L.marker(latlng, {
      icon: pin(EVENT_COLOURS[p.event] || "#555", "fw-pin"), keyboard: true,
      title: (p.event || "claim") + ": " + (p.sentence || "").slice(0, 80), alt: p.event || "claim"
    });
    marker.bindPopup(function () { return claimCard(p); }, { maxWidth: 320 });
    return marker;
  }

  function siteMarker(feature, latlng) {
    var p = feature.properties;
    var marker = L.marker(latlng, { icon: pin("#222", "fw-site"), title: "Site: " + p.name, keyboard: true });
    marker.bindPopup(function () {
      var card = el("div", null, "claim-card");
      card.appendChild(el("strong", p.name));
      card.appendChild(el("div", [p.country, "military site"].filter(Boolean).join(" · ")));
      if (p.source) card.appendChild(el("div", "Source: " + p.source, "snippet"));
      return card;
    });
    return marker;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + " answered " + r.status);
      return r.json();
    });
  }

  function setStatus(text) {
    var status = document.getElementById("map-status");
    if (status) status.textContent = text;
  }

  function statusText(fc, inView) {
    var text = fc.features.length + " claims on the map";
    if (fc.truncated) text += " (the newest " + fc.features.length + (inView ? " in view" : "") + "; zoom in for the rest)";
    if (fc.skipped) text += ", " + fc.skipped + " without a place";
    return text;
  }

  /* The view as west,south,east,north, or null when it spans the whole world. */
  function viewBox(map) {
    var b = map.getBounds(), west = b.getWest(), east = b.getEast();
    if (east - west >= 360) return null;
    function wrap(lon) { return lon >= -180 && lon <= 180 ? lon : ((lon + 540) % 360) - 180; }
    function clampLat(lat) { return Math.max(-90, Math.min(90, lat)); }
    return [wrap(west), clampLat(b.getSouth()), wrap(east), clampLat(b.getNorth())].map(function (v) { return v.toFixed(4); }).join(",");
  }

  function loadClaims(map, claims, query, bbox) {
    var params = new URLSearchParams(query);
    if (bbox) params.set("bbox", bbox); else params.delete("bbox");
    return getJSON("/api/claims.geojson?" + params.toString()).then(function (fc) {
      claims.clearLayers();
      L.geoJSON(fc, { pointToLayer: claimMarker }).addTo(claims);
      setStatus(statusText(fc, !!bbox));
      return fc;
    }).catch(function (e) {
      setStatus("Claims unavailable: " + ((e && e.message) || String(e)));
      return { features: [] };
    });
  }

  /* More claims match than one answer holds: ask the server for the view after each move. */
  function followViewport(map, claims, query) {
    var pending = null;
    map.on("moveend", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { loadClaims(map, claims, query, viewBox(map)); }, 250);
    });
  }

  function init() {
    var holder = document.getElementById("map");
    if (!holder || !window.L) return;
    var map = L.map(holder, { zoomControl: true, attributionControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    map.attributionControl.setPrefix("Leaflet · borders: forcewatch knowledge base");
    map.setView([52, 30], 5);
    var query = holder.getAttribute("data-query") || "";
    var borders = getJSON("/api/map/borders.geojson").then(function (fc) {
      L.geoJSON(fc, { style: { color: "#6b7b8c", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false }).addTo(map);
      holder.setAttribute("data-borders", String(fc.features.length));
    }).catch(function (e) { setStatus("Borders unavailable: " + e.message); });
    var sites = L.markerClusterGroup({ maxClusterRadius: 30 });
    var siteLoad = getJSON("/api/map/sites.geojson").then(function (fc) {
      L.geoJSON(fc, { pointToLayer: siteMarker }).addTo(sites);
      map.addLayer(sites);
    }).catch(function () { /* sites are optional */ });
    var claims = L.markerClusterGroup({ showCoverageOnHover: false });
    map.addLayer(claims);
    var claimLoad = loadClaims(map, claims, query, null).then(function (fc) {
      if (fc.features.length) {
        map.fitBounds(L.geoJSON(fc).getBounds().pad(0.2), { maxZoom: 8, animate: false });
      }
      if (fc.truncated) followViewport(map, claims, query);
    });
    Promise.all([borders, siteLoad, claimLoad]).then(function () { holder.setAttribute("data-loaded", "true"); });
    L.control.layers(null, { "Claims": claims, "Military sites": sites }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
