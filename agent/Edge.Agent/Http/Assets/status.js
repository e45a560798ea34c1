// Keeps the status page current without a full reload: every two seconds it fetches the same page and swaps in its
// live parts, once their new pictures are loaded (so nothing flickers). A hidden tab fetches nothing, which keeps an
// open page's cost to the agent at one small render and one JPEG per camera every two seconds.
(() => {
  const parts = ['summary', 'live'];
  const preload = (fresh) => Promise.all([...fresh.querySelectorAll('img')].map((img) => {
    const picture = new Image();
    picture.src = img.getAttribute('src');
    return picture.decode().catch(() => undefined);
  }));
  const refresh = async () => {
    if (document.hidden) {
      return;
    }
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      await preload(fresh);
      for (const id of parts) {
        const old = document.getElementById(id);
        const next = fresh.getElementById(id);
        if (old && next) {
          old.replaceWith(document.adoptNode(next));
        }
      }
      document.body.dataset.refreshed = String(Date.now());
    } catch {
      // The agent is restarting or the network dropped: the next turn tries again.
    }
  };
  setInterval(refresh, 2000);
})();
